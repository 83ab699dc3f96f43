// Words for failures: turns an ApiError (or anything thrown) into a catalogue message, or into the server's own
// problem `detail` when the server explained what went wrong.
import { ApiError } from './api';
import type { Message } from './i18n';

/** Either a catalogue message (translated at display time) or a sentence the server wrote for people. */
export type UserMessage = Message | string;

/** The message for any failure of an API call. */
export function errorMessage(error: unknown): UserMessage {
    if (!(error instanceof ApiError)) {
        return { key: 'error.unexpectedResponse' };
    }
    switch (error.kind) {
        case 'unreachable':
            return { key: 'error.unreachable' };
        case 'invalidCredentials':
            return { key: 'login.error.invalidCredentials' };
        case 'unauthorized':
            return { key: 'error.unauthorized' };
        default:
            // problem+json details are written for the person using the app: show them as they are.
            if (error.problem?.detail) {
                return error.problem.detail;
            }
            return { key: `error.${error.kind}` as const };
    }
}

/** The message for a failed sign-in: credentials and throttling get their own wording. */
export function loginErrorMessage(error: unknown): UserMessage {
    if (error instanceof ApiError) {
        if (error.kind === 'invalidCredentials') {
            return { key: 'login.error.invalidCredentials' };
        }
        if (error.kind === 'tooManyRequests') {
            if (error.retryAfterSeconds === undefined) {
                return { key: 'login.error.tooManyAttemptsNoDelay' };
            }
            const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
            return { key: 'login.error.tooManyAttempts', params: { count: minutes } };
        }
    }
    return errorMessage(error);
}
