/**
 * ONNX models: reading initializers (the token embedding table, dequantized when quantized) with a small
 * protobuf reader, writing a model with a replaced table, and running BERT-style sentence encoders with ONNX
 * Runtime ({@link dev.tokensmith.transplant.onnx.SentenceEncoder}).
 */
package dev.tokensmith.transplant.onnx;
