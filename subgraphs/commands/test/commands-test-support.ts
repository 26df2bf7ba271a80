/**
 * The bed of the commands integration tests: the four simulators and the five subgraphs in process on free ports
 * (exactly as `npm start` wires them), and a caller that signs its requests to the commands subgraph the way the
 * gateway does.
 */
import { getDataset, type Dataset } from '@omnigraph/simulator-dataset';
import { countUpstreamWrites } from '@omnigraph/simulator-stack';
import { IDENTITY_HEADER, signIdentity, type RequestIdentity } from '@omnigraph/shared/identity';
import { startTestUpstreams, type TestUpstreams } from '../../../scripts/start-subgraphs.ts';

export const SCALE = 0.3;

export const AGENT: RequestIdentity = {
  subject: 'key:call-center-test',
  kind: 'api-key',
  ownerId: 'test',
  scopes: ['orders:write', 'returns:write', 'notes:write', 'writes:read', 'customers:read', 'customers:pii', 'orders:read'],
  profile: 'internal',
};

export interface CommandsBed {
  upstreams: TestUpstreams;
  dataset: Dataset;
  call<T = any>(query: string, variables: Record<string, unknown>, identity?: RequestIdentity): Promise<{ data?: T; errors?: any[] }>;
  /** upstream requests that write (or may write), per simulator endpoint, since the last reset */
  writes(): Record<string, number>;
  resetCounters(): void;
  stop(): Promise<void>;
}

export async function startCommandsBed(commandsEnv: NodeJS.ProcessEnv = {}): Promise<CommandsBed> {
  const upstreams = await startTestUpstreams({ scale: SCALE, subgraphEnv: commandsEnv });
  const dataset = getDataset({ scale: SCALE });
  const url = upstreams.subgraphs.urls.commands;
  return {
    upstreams,
    dataset,
    async call(query, variables, identity = AGENT) {
      const body = JSON.stringify({ query, variables });
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signIdentity(upstreams.subgraphSecret, identity, body, new Date(), { deadlineAt: Date.now() + 10_000 }),
        },
        body,
      });
      return (await res.json()) as { data?: any; errors?: any[] };
    },
    writes: () => countUpstreamWrites(upstreams.simulators),
    resetCounters() {
      for (const sim of upstreams.simulators.all) sim.control.resetCounters();
    },
    stop: () => upstreams.stop(),
  };
}

export const PLACE_ORDER = /* GraphQL */ `
  mutation ($key: String!, $input: PlaceOrderInput!) {
    placeOrder(idempotencyKey: $key, input: $input) {
      operation {
        idempotencyKey
        operation
        state
        steps {
          step
          state
          upstreamId
        }
        errorCode
      }
      order {
        id
      }
      erpReservation
    }
  }
`;

export const REGISTER_RETURN = /* GraphQL */ `
  mutation ($key: String!, $input: RegisterReturnInput!) {
    registerReturn(idempotencyKey: $key, input: $input) {
      operation {
        state
        steps {
          step
          state
          upstreamId
        }
      }
      eshopOrder {
        id
      }
      marketplaceOrder {
        id
      }
      refund {
        id
        amount {
          amount
          currency
        }
        status
      }
      stockReceipt
    }
  }
`;

export const ADD_NOTE = /* GraphQL */ `
  mutation ($key: String!, $input: AddCustomerNoteInput!) {
    addCustomerNote(idempotencyKey: $key, input: $input) {
      operation {
        state
        steps {
          step
          upstreamId
        }
      }
      note {
        id
      }
      customer {
        id
      }
    }
  }
`;

export const WRITE_OPERATION = /* GraphQL */ `
  query ($key: String!) {
    writeOperation(idempotencyKey: $key) {
      operation
      state
      steps {
        step
        state
        upstreamId
      }
    }
  }
`;

export function codeOf(response: { errors?: any[] }): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
