// Video visits (#/visits/:id/video): the patient waits in the waiting room until the doctor admits them, then both
// see each other through janus.js; the doctor sees who waits and admits them. #/visits/video lists a doctor's video
// visits of the coming day.
import { ApiError, type ApiClient, type Me } from '../api';
import { h, msg, setText } from '../dom';
import { errorMessage, type UserMessage } from '../errors';
import { formatDateTime } from '../format';
import { intlLocale, type MessageKey } from '../i18n';
import { mediaControls, removeTile, showTile } from '../room/media-controls';
import { VideoRoom, type VideoStatus } from '../room/video';
import { myBookings, type Booking } from '../scheduling';
import { admit, enterWaitingRoom, joinVisit, joinWindow, waiting, type VisitJoin } from '../video-visits';
import { errorAlert } from './forms';
import { createErrorView, createLoadingView } from './status';

/** How often the waiting room is asked whether the patient may come in, and the doctor's list refreshed. */
const POLL_MS = 2_000;

export function createVideoVisitView(api: ApiClient, me: Me, bookingId: string): HTMLElement {
    const page = h('section', { class: 'page video-visit', 'data-booking': bookingId });
    const body = h('div', {}, createLoadingView());
    page.append(msg('h1', { key: 'videoVisit.title' }), body);
    const load = (): void => {
        joinVisit(api, bookingId).then(
            (join) => body.replaceChildren(visitContent(api, me, join, page)),
            (error: unknown) => body.replaceChildren(createErrorView(joinError(error), load)),
        );
    };
    load();
    return page;
}

function joinError(error: unknown): UserMessage {
    if (error instanceof ApiError && error.kind === 'notFound') {
        return { key: 'videoVisit.notFound' };
    }
    return errorMessage(error);
}

function visitContent(api: ApiClient, me: Me, join: VisitJoin, page: HTMLElement): HTMLElement {
    const when = h(
        'p',
        { class: 'muted' },
        `${formatDateTime(join.start, intlLocale(), join.timeZone)} (${join.timeZone})`,
    );
    const status = msg('p', { key: 'videoVisit.status.connecting' }, { class: 'chip video-visit-status', role: 'status' });
    const alert = errorAlert();
    const tiles = h('div', { class: 'room-videos video-visit-tiles' });
    const side = h('div', { class: 'video-visit-side' });
    let video: VideoRoom | null = null;
    let stopped = false;
    const stop = (): void => {
        stopped = true;
        video?.leave();
    };
    const leave = msg('button', { key: 'room.leave' }, { type: 'button', class: 'button button-danger room-leave' });
    leave.addEventListener('click', () => {
        stop();
        setText(status, { key: 'videoVisit.status.left' });
        window.location.hash = me.roles.includes('PATIENT') ? '#/visits' : '#/visits/video';
    });
    const alive = (): boolean => !stopped && page.isConnected;
    const startVideo = (): void => {
        video = new VideoRoom(api, join.grantPath, {
            status: (s: VideoStatus) => {
                page.dataset.video = s;
                setText(status, { key: `videoVisit.status.${s}` as MessageKey });
            },
            // Janus only knows user ids: the other person is named by their part in the visit.
            tile: (id, _display, element, local) =>
                showTile(tiles, id, { key: join.role === 'HOST' ? 'videoVisit.patient' : 'videoVisit.doctor' }, element, local),
            tileGone: (id) => removeTile(tiles, id),
        });
        void video.start();
    };
    // Leave Janus when the shell shows another page.
    const watch = window.setInterval(() => {
        if (!page.isConnected) {
            window.clearInterval(watch);
            stop();
        }
    }, 1_000);

    if (join.role === 'PATIENT' && join.lobbyPath) {
        const lobbyPath = join.lobbyPath;
        page.dataset.waiting = 'true';
        setText(status, { key: 'videoVisit.status.waiting' });
        side.append(msg('p', { key: 'videoVisit.waitingHelp' }, { class: 'alert alert-info waiting-room' }));
        const ask = (): void => {
            if (!alive()) {
                return;
            }
            enterWaitingRoom(api, lobbyPath).then(
                (admitted) => {
                    if (!alive()) {
                        return;
                    }
                    if (admitted) {
                        page.dataset.waiting = 'false';
                        side.replaceChildren();
                        startVideo();
                    } else {
                        window.setTimeout(ask, POLL_MS);
                    }
                },
                (error: unknown) => {
                    alert.fail(error);
                    window.setTimeout(ask, POLL_MS * 3);
                },
            );
        };
        ask();
    } else {
        side.append(waitingList(api, join.roomId, alive));
        startVideo();
    }
    return h(
        'div',
        { class: 'video-visit-layout' },
        h('div', { class: 'video-visit-main' }, when, status, alert.element, tiles),
        h(
            'aside',
            { class: 'video-visit-aside' },
            side,
            mediaControls(() => video, leave, { screenShare: false, shareFailed: () => undefined }),
        ),
    );
}

/** The doctor's view of the waiting room: who waits since when, each with "admit". */
function waitingList(api: ApiClient, roomId: string, alive: () => boolean): HTMLElement {
    const list = h('ul', { class: 'waiting-list' });
    const box = h('section', { class: 'card waiting-box' }, msg('h2', { key: 'videoVisit.waitingTitle' }), list);
    const failure = errorAlert();
    box.append(failure.element);
    const refresh = (): void => {
        if (!alive()) {
            return;
        }
        waiting(api, roomId).then(
            (people) => {
                failure.show(null);
                list.replaceChildren(
                    ...(people.length === 0
                        ? [msg('li', { key: 'videoVisit.nobodyWaiting' }, { class: 'muted' })]
                        : people.map((person) => {
                              const button = msg('button', { key: 'videoVisit.admit' }, { type: 'button', class: 'button button-primary', 'data-admit': person.userId });
                              button.addEventListener('click', () => {
                                  button.disabled = true;
                                  admit(api, roomId, person.userId).then(refresh, (error: unknown) => {
                                      button.disabled = false;
                                      failure.fail(error);
                                  });
                              });
                              return h(
                                  'li',
                                  { class: 'waiting-person' },
                                  msg('span', {
                                      key: 'videoVisit.waitingSince',
                                      params: { time: new Intl.DateTimeFormat(intlLocale(), { timeStyle: 'short' }).format(new Date(person.waitingSince)) },
                                  }),
                                  button,
                              );
                          })),
                );
                window.setTimeout(refresh, POLL_MS);
            },
            (error: unknown) => {
                failure.fail(error);
                window.setTimeout(refresh, POLL_MS * 3);
            },
        );
    };
    refresh();
    return box;
}

/** A doctor's video visits from an hour ago to a day ahead, each with "open" while it can be joined. */
export function createStaffVideoVisitsView(api: ApiClient): HTMLElement {
    const body = h('div', {}, createLoadingView());
    const page = h(
        'section',
        { class: 'page staff-visits' },
        msg('h1', { key: 'videoVisit.listTitle' }),
        msg('p', { key: 'videoVisit.listIntro' }, { class: 'muted' }),
        body,
    );
    const load = (): void => {
        myBookings(api).then(
            (bookings) => body.replaceChildren(staffList(bookings)),
            (error: unknown) => body.replaceChildren(createErrorView(errorMessage(error), load)),
        );
    };
    load();
    return page;
}

function staffList(bookings: Booking[]): HTMLElement {
    const now = Date.now();
    const visits = bookings
        .filter((b) => joinWindow(b, now) !== null && joinWindow(b, now) !== 'over')
        .filter((b) => Date.parse(b.start) < now + 24 * 3_600_000)
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    if (visits.length === 0) {
        return msg('p', { key: 'videoVisit.noneToday' }, { class: 'card muted' });
    }
    return h(
        'ul',
        { class: 'bookings staff-visit-list' },
        ...visits.map((b) =>
            h(
                'li',
                { class: 'card booking', 'data-booking': b.id },
                h('strong', { class: 'booking-time' }, `${formatDateTime(b.start, intlLocale(), b.timeZone)} (${b.timeZone})`),
                joinWindow(b, now) === 'open'
                    ? msg('a', { key: 'videoVisit.open' }, { href: `#/visits/${encodeURIComponent(b.id)}/video`, class: 'button button-primary' })
                    : msg('span', { key: 'videoVisit.opensLater' }, { class: 'muted' }),
            ),
        ),
    );
}

/** The patient's "join" control for one booking in "my appointments", or null when it has no video. */
export function joinControl(booking: Booking): HTMLElement | null {
    const state = joinWindow(booking);
    if (state === 'open') {
        return msg('a', { key: 'videoVisit.join' }, { href: `#/visits/${encodeURIComponent(booking.id)}/video`, class: 'button button-primary join-visit' });
    }
    if (state === 'early') {
        return msg('p', { key: 'videoVisit.joinLater' }, { class: 'muted' });
    }
    return null;
}
