package dev.customergraph.source;

/** The kind of payment instrument a source is. */
public enum SourceType {

	CARD, BANK_ACCOUNT, WALLET, OTHER

}
