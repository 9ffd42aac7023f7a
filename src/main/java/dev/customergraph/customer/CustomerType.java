package dev.customergraph.customer;

/** Whether a customer is a person or a business. */
public enum CustomerType {

	INDIVIDUAL, BUSINESS

}
