/**
 * Customer groups: the storefront's segments (retail, wholesale, VIP) that price lists
 * and permissions hang on. A customer is in at most one group or in none; this package
 * owns the groups and {@code Customer.group}, the customer package only which group a
 * customer is in.
 */
@NullMarked
package dev.customergraph.group;

import org.jspecify.annotations.NullMarked;
