package io.camelgenesys.udm.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/**
 * What a job exports from UCS (UcsJobParams, seed 002 L9549-9563): the data type (required), its media (required),
 * the file split size and whether attachments are exported.
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class UcsJobParams extends GenesysModel {

    private String fileSplitSize;
    private String type;
    private List<String> media;
    private Boolean exportAttachments;

    public String getFileSplitSize() {
        return fileSplitSize;
    }

    public void setFileSplitSize(String fileSplitSize) {
        this.fileSplitSize = fileSplitSize;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public List<String> getMedia() {
        return media;
    }

    public void setMedia(List<String> media) {
        this.media = media;
    }

    public Boolean getExportAttachments() {
        return exportAttachments;
    }

    public void setExportAttachments(Boolean exportAttachments) {
        this.exportAttachments = exportAttachments;
    }
}
