/** What other modules may use of the image-share module: interfaces, records and CDI event types only. */
package vn.teleconsult.imaging.api;
