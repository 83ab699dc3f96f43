package vn.teleconsult.scheduling.domain;

/** Which e-mail a notification row stands for. */
public enum NotificationKind {
    CONFIRMATION,
    CHANGE,
    CANCELLATION,
    REMINDER
}
