// The route's entry to the consult room: the room (Cornerstone3D, janus.js: a few megabytes) is loaded only when
// someone opens it, so that every other page stays small.
import type { ApiClient, Me } from '../api';
import { h } from '../dom';
import { errorMessage } from '../errors';
import { createErrorView, createLoadingView } from './status';

export function createRoomPage(api: ApiClient, me: Me, consultId: string): HTMLElement {
    const holder = h('div', { class: 'room-holder' }, createLoadingView());
    const load = (): void => {
        import('./room').then(
            (room) => holder.replaceChildren(room.createRoomView(api, me, consultId)),
            (error: unknown) => {
                console.error('The consult room could not be loaded', error);
                holder.replaceChildren(createErrorView(errorMessage(error), load));
            },
        );
    };
    load();
    return holder;
}
