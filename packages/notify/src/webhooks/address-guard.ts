import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/** Which non-public destinations a webhook may reach. Everything non-public is refused by default (SSRF). */
export interface AddressPolicy {
  /** 127.0.0.0/8 and ::1 (tests and a receiver on the same machine). */
  allowLoopback?: boolean;
  /** RFC 1918, CGNAT, unique-local IPv6 and link-local (an internal network reached on purpose). */
  allowPrivate?: boolean;
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const privateNetworks = new BlockList();
for (const [network, prefix] of [
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const)
  privateNetworks.addSubnet(network, prefix, 'ipv4');
privateNetworks.addSubnet('fc00::', 7, 'ipv6');
privateNetworks.addSubnet('fe80::', 10, 'ipv6');

// Never a destination: "this network", IETF protocol assignments, documentation, benchmarking, multicast, reserved.
const neverReachable = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  neverReachable.addSubnet(network, prefix, 'ipv4');
neverReachable.addAddress('::', 'ipv6');
neverReachable.addSubnet('ff00::', 8, 'ipv6');
neverReachable.addSubnet('2001:db8::', 32, 'ipv6');

/** An IPv4 address carried in IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address. */
function unwrapMapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/** Why an address may not be reached under the policy, or null when it may. */
export function refusedAddressReason(rawAddress: string, policy: AddressPolicy = {}): string | null {
  if (isIP(rawAddress) === 0) return 'not an IP address';
  const { address, family } = unwrapMapped(rawAddress);
  if (neverReachable.check(address, family)) return 'a reserved address';
  if (loopback.check(address, family)) return policy.allowLoopback ? null : 'a loopback address';
  if (privateNetworks.check(address, family)) return policy.allowPrivate ? null : 'a private or link-local address';
  return null;
}

export class AddressRefusedError extends Error {
  override readonly name = 'AddressRefusedError';
  readonly code = 'address_refused';
  constructor(host: string, reason: string) {
    super(`The webhook host ${host} resolves to ${reason}, which is refused (allow it explicitly to use it)`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request: resolves the name, then refuses the connection when any resolved address is not
 * allowed. The check runs on the address the socket connects to, so a DNS answer that changes between a check
 * and the connection (rebinding) cannot slip through.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback): void => {
    const lookupOptions = typeof options === 'number' ? { family: options } : options;
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, lookupOptions.all ? [] : '');
      for (const entry of addresses) {
        const reason = refusedAddressReason(entry.address, policy);
        if (reason) return callback(new AddressRefusedError(hostname, reason), lookupOptions.all ? [] : '');
      }
      if (lookupOptions.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
