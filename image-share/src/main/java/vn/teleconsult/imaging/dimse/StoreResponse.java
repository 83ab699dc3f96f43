package vn.teleconsult.imaging.dimse;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.CompositeResponseHandler;

/** Waits for the C-STORE-RSP of one sub-operation: success, or a warning (B000, B006, B007) counted apart. */
final class StoreResponse extends CompositeResponseHandler {

    private boolean warning;

    @Override
    protected void evaluateStatusAndSetSuccess(AttributeList list) {
        int status = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Status, 0xFFFF);
        warning = status == 0xB000 || status == 0xB006 || status == 0xB007;
        success = status == 0x0000 || warning;
    }

    boolean warning() {
        return warning;
    }
}
