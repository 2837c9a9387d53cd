package dev.tokensmith.transplant.onnx;

import java.util.List;
import java.util.Map;

/**
 * One node of an ONNX graph: its operator, input and output value names, and its integer attributes.
 *
 * @param start byte offset of the node's field in the file (for rewriting)
 * @param end byte offset just past it
 */
public record OnnxNode(
        String name,
        String opType,
        List<String> inputs,
        List<String> outputs,
        Map<String, Long> intAttributes,
        long start,
        long end) {
    public OnnxNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        intAttributes = Map.copyOf(intAttributes);
    }

    /** Input {@code i}, or the empty string when absent (ONNX's marker for an omitted optional input). */
    public String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }
}
