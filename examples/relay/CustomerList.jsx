// A customer list that loads more on demand, with Relay's usePaginationFragment.
// relay.config.json: { "src": "./src", "schema": "./schema.graphql", "language": "javascript" }
// The Relay environment's fetch function must send 'Authorization: Bearer <key>'.
import { graphql, usePaginationFragment } from 'react-relay';

const customerListFragment = graphql`
  fragment CustomerList_query on Query
  @argumentDefinitions(
    count: { type: "Int", defaultValue: 20 }
    cursor: { type: "String" }
    filter: { type: "CustomerFilter" }
  )
  @refetchable(queryName: "CustomerListPaginationQuery") {
    customers(first: $count, after: $cursor, filter: $filter)
      @connection(key: "CustomerList_customers", filters: ["filter"]) {
      totalCount
      edges {
        node {
          id
          email
          displayName
          tags
          defaultShippingAddress { city countryCode }
        }
      }
    }
  }
`;

export default function CustomerList({ query }) {
  const { data, loadNext, hasNext, isLoadingNext } = usePaginationFragment(customerListFragment, query);
  return (
    <section>
      <h2>{data.customers.totalCount} customers</h2>
      <ul>
        {data.customers.edges.map(({ node }) => (
          <li key={node.id}>
            {node.displayName} &lt;{node.email}&gt; {node.defaultShippingAddress?.city}
          </li>
        ))}
      </ul>
      {hasNext && (
        <button disabled={isLoadingNext} onClick={() => loadNext(20)}>
          Load more
        </button>
      )}
    </section>
  );
}

// The page's query spreads the fragment:
//   query CustomersPageQuery { ...CustomerList_query }
