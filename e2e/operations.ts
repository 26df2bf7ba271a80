/**
 * Operations a call-center client sends, shared by the end-to-end tests and the operation-limits tests, so the limits
 * are always checked against what the graph is really asked.
 */
export const ORDERS_QUERY = /* GraphQL */ `
  query Orders($email: String!, $first: Int, $after: String, $channel: OrderChannel) {
    findCustomers(email: $email) {
      id
      orders(first: $first, after: $after, channel: $channel) {
        totalCount
        unavailableChannels
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id channel number placedAt status channelStatus paymentStatus
            totals { total { amount currency } }
            delivery { method name store { code name } parcelLocker { id } }
            lines { sku name quantity unitPrice { amount currency } product { sku name stock { available location { code } } } }
          }
        }
      }
    }
  }
`;
