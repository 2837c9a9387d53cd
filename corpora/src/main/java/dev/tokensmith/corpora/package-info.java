/** Text sources, sampling, mixtures and pre-token counting over corpora. */
package dev.tokensmith.corpora;
