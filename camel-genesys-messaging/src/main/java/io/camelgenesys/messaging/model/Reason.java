package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * Why a message could not be delivered, in a {@code Failed} receipt (seed 002 L7546-7559): {@code code} 305 expired,
 * 310 rate limit reached, 350 not allowed, 510 unsupported, 512 unknown message, 520 invalid structure, 530 invalid
 * destination, 500 general error.
 */
public class Reason extends GenesysModel {

    private Integer code;
    private String message;

    public Integer getCode() {
        return code;
    }

    public void setCode(Integer code) {
        this.code = code;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
