package io.camelgenesys.statistics.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A statistic defined in full rather than by a pre-configured name (Statistics API, create a subscription): the
 * Stat Server category, subject, interval and masks, and how often it notifies.
 */
public class StatisticDefinition extends GenesysModel {

    private String notificationMode;
    private Integer notificationFrequency;
    private Integer insensitivity;
    private String category;
    private String subject;
    private String intervalType;
    private String mainMask;
    private String dynamicTimeProfile;
    private String dynamicFilter;
    private String maskType;

    public String getNotificationMode() {
        return notificationMode;
    }

    public void setNotificationMode(String notificationMode) {
        this.notificationMode = notificationMode;
    }

    public Integer getNotificationFrequency() {
        return notificationFrequency;
    }

    public void setNotificationFrequency(Integer notificationFrequency) {
        this.notificationFrequency = notificationFrequency;
    }

    public Integer getInsensitivity() {
        return insensitivity;
    }

    public void setInsensitivity(Integer insensitivity) {
        this.insensitivity = insensitivity;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getIntervalType() {
        return intervalType;
    }

    public void setIntervalType(String intervalType) {
        this.intervalType = intervalType;
    }

    public String getMainMask() {
        return mainMask;
    }

    public void setMainMask(String mainMask) {
        this.mainMask = mainMask;
    }

    public String getDynamicTimeProfile() {
        return dynamicTimeProfile;
    }

    public void setDynamicTimeProfile(String dynamicTimeProfile) {
        this.dynamicTimeProfile = dynamicTimeProfile;
    }

    public String getDynamicFilter() {
        return dynamicFilter;
    }

    public void setDynamicFilter(String dynamicFilter) {
        this.dynamicFilter = dynamicFilter;
    }

    public String getMaskType() {
        return maskType;
    }

    public void setMaskType(String maskType) {
        this.maskType = maskType;
    }
}
