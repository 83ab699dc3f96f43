/** What other modules may use of the media-bridge module: interfaces, records and CDI event types only. */
package vn.teleconsult.media.api;
