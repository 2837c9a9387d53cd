/**
 * Model weights in and out: safetensors files and sharded checkpoints ({@link
 * dev.tokensmith.transplant.io.SafetensorsFile}, {@link dev.tokensmith.transplant.io.SafetensorsCheckpoint}),
 * Hugging Face model directories ({@link dev.tokensmith.transplant.io.HfModel}, {@link
 * dev.tokensmith.transplant.io.HfModelWriter}, which records the core's {@link
 * dev.tokensmith.core.format.Provenance} inside the folder), and the float32 matrix they exchange ({@link
 * dev.tokensmith.transplant.io.FloatMatrix}). Files are written through {@link
 * dev.tokensmith.core.format.AtomicFiles}.
 */
package dev.tokensmith.transplant.io;
