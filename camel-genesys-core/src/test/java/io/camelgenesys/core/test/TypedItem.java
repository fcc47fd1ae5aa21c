package io.camelgenesys.core.test;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** An item with one field of every JSON type, for the model-derived type checks of {@code BodyRules.typed}. */
public class TypedItem extends GenesysModel {

    /** A nested model. */
    public static class Part extends GenesysModel {
        private String label;
        private Long size;

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public Long getSize() {
            return size;
        }

        public void setSize(Long size) {
            this.size = size;
        }
    }

    private String name;
    private Boolean active;
    private Integer count;
    private Long total;
    private Double weight;
    private List<String> tags;
    private List<Part> parts;
    private Part main;
    private Map<String, Object> extra;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public Long getTotal() {
        return total;
    }

    public void setTotal(Long total) {
        this.total = total;
    }

    public Double getWeight() {
        return weight;
    }

    public void setWeight(Double weight) {
        this.weight = weight;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public List<Part> getParts() {
        return parts;
    }

    public void setParts(List<Part> parts) {
        this.parts = parts;
    }

    public Part getMain() {
        return main;
    }

    public void setMain(Part main) {
        this.main = main;
    }

    public Map<String, Object> getExtra() {
        return extra;
    }

    public void setExtra(Map<String, Object> extra) {
        this.extra = extra;
    }
}
