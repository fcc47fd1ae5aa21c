package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The status of a Secure Email answer: {@code code} is text here ({@code SUCCESS}, {@code FAILURE},
 * {@code INVALID_PARAMETER}, ... seed 002 L3460-3476).
 */
public class SecureEmailStatus extends GenesysModel {

    private String code;
    private String message;
    private Object detail;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Object getDetail() {
        return detail;
    }

    public void setDetail(Object detail) {
        this.detail = detail;
    }
}
