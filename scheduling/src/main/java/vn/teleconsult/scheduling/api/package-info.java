/** What other modules may use of the scheduling module: interfaces, records and CDI event types only. */
package vn.teleconsult.scheduling.api;
