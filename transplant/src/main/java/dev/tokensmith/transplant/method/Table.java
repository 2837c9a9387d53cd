package dev.tokensmith.transplant.method;

/** Which vocabulary table a method fills: the input embeddings or the (untied) output head. */
public enum Table {
    INPUT,
    HEAD
}
