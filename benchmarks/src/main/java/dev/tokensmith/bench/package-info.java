/** JMH benchmarks and side-by-side harnesses (Tokensmith vs JTokkit vs HF tokenizers). */
package dev.tokensmith.bench;
