/** The ready-to-paste example printed at start and prefilled in the explorer: the call-center view of a customer. */
export const EXAMPLE_QUERY = `query CallCenterCustomer($phone: String!) {
  findCustomers(phone: $phone) {
    name
    email
    loyalty { points tier }
    consents { emailMarketing smsMarketing }
    orders(first: 5) {
      totalCount
      unavailableChannels
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          channel
          number
          placedAt
          status
          channelStatus
          paymentStatus
          totals { total { amount currency } }
          delivery { method name store { name } parcelLocker { id } }
          lines {
            sku
            name
            quantity
            unitPrice { amount currency }
            product { name listPrice { gross { amount } } stock { available location { code } } }
          }
        }
      }
    }
  }
}`;

export const EXAMPLE_VARIABLES = JSON.stringify({ phone: '+48 601 234 567' }, null, 2);
