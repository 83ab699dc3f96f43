// Controls and tiles shared by every page with live video (the consult room, video visits): mute, camera and screen
// share acting on a VideoRoom, and one tile per participant's video, the own one first.
import { h, msg, setText } from '../dom';
import type { UserMessage } from '../errors';
import type { MessageKey } from '../i18n';
import type { VideoRoom } from './video';

function button(key: MessageKey, attrs: Record<string, string>): HTMLButtonElement {
    return msg('button', { key }, { type: 'button', class: 'button button-secondary', ...attrs });
}

/** A toggle button whose label follows its state; onToggle answers the state reached (or throws to keep it). */
function toggle(off: MessageKey, on: MessageKey, cls: string, onToggle: (on: boolean) => Promise<boolean> | boolean): HTMLButtonElement {
    const b = button(off, { class: `button button-secondary ${cls}`, 'aria-pressed': 'false' });
    b.addEventListener('click', () => {
        const wanted = b.getAttribute('aria-pressed') !== 'true';
        void Promise.resolve(onToggle(wanted)).then((reached) => {
            b.setAttribute('aria-pressed', String(reached));
            setText(b, { key: reached ? on : off });
        });
    });
    return b;
}

/** Mute, camera, screen share (optional) and the given leave button, for the room returned by video(). */
export function mediaControls(
    video: () => VideoRoom | null,
    leave: HTMLButtonElement,
    options: { screenShare: boolean; shareFailed: () => void },
): HTMLElement {
    const mute = toggle('room.mute', 'room.unmute', 'room-mute', (on) => {
        video()?.setMuted(on);
        return on;
    });
    const camera = toggle('room.cameraOff', 'room.cameraOn', 'room-camera', (off) => {
        video()?.setCameraOff(off);
        return off;
    });
    const share = options.screenShare
        ? toggle('room.share', 'room.shareStop', 'room-share', async (on) => {
              try {
                  return (await video()?.setScreenShare(on)) ?? false;
              } catch {
                  options.shareFailed();
                  return false;
              }
          })
        : null;
    return h('div', { class: 'room-media-controls' }, mute, camera, share, leave);
}

/**
 * Shows (or replaces, after a rejoin) a participant's video tile in the container, named by {@code name} ("You" for
 * the own one, which goes first).
 */
export function showTile(container: HTMLElement, id: string, name: UserMessage, video: HTMLVideoElement, local: boolean): void {
    const existing = container.querySelector(`[data-feed="${CSS.escape(id)}"]`);
    const label = msg('span', local ? { key: 'room.you' } : name, { class: 'room-tile-name' });
    const tile = h('figure', { class: `room-tile${local ? ' room-tile-local' : ''}`, 'data-feed': id }, video, label);
    if (existing) {
        existing.replaceWith(tile);
    } else if (local) {
        container.prepend(tile);
    } else {
        container.append(tile);
    }
    void video.play().catch(() => undefined);
}

/** Removes a participant's tile. */
export function removeTile(container: HTMLElement, id: string): void {
    container.querySelector(`[data-feed="${CSS.escape(id)}"]`)?.remove();
}
