package vn.teleconsult.imaging.dimse;

/** DIMSE command field values and statuses used by the provider (PS3.7 E.1, PS3.4 C.4). */
final class DimseCommands {

    static final int C_STORE_RQ = 0x0001;
    static final int C_GET_RQ = 0x0010;
    static final int C_FIND_RQ = 0x0020;
    static final int C_MOVE_RQ = 0x0021;
    static final int C_ECHO_RQ = 0x0030;

    static final int SUCCESS = 0x0000;
    static final int PENDING = 0xFF00;
    static final int PENDING_OPTIONAL_KEYS_UNSUPPORTED = 0xFF01;
    static final int SUB_OPERATIONS_WITH_FAILURES = 0xB000;
    static final int UNABLE_TO_PERFORM_SUB_OPERATIONS = 0xA702;
    static final int MOVE_DESTINATION_UNKNOWN = 0xA801;

    private DimseCommands() {}
}
