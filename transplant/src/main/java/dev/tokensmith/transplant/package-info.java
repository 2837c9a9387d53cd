/** Giving a pretrained model a new tokenizer: vocabulary alignment, embedding transplantation, model I/O. */
package dev.tokensmith.transplant;
