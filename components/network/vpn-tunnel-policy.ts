import type * as pulumi from "@pulumi/pulumi";

/**
 * The IPsec settings both tunnels of a backup Site-to-Site VPN use. AWS's defaults also permit IKEv1,
 * AES128, SHA1 and Diffie-Hellman groups 2, 5 and 22-24; these are narrowed to IKEv2, AES-256 (GCM
 * preferred), SHA-2 and elliptic-curve groups 19-21 (which also give phase 2 perfect forward secrecy).
 */
export const HARDENED_TUNNEL_POLICY = {
  ikeVersions: ["ikev2"],
  phase1EncryptionAlgorithms: ["AES256-GCM-16", "AES256"],
  phase1IntegrityAlgorithms: ["SHA2-256", "SHA2-384", "SHA2-512"],
  phase1DhGroupNumbers: [19, 20, 21],
  phase2EncryptionAlgorithms: ["AES256-GCM-16", "AES256"],
  phase2IntegrityAlgorithms: ["SHA2-256", "SHA2-384", "SHA2-512"],
  phase2DhGroupNumbers: [19, 20, 21],
  /** Dead peer detection after 30 s (the minimum AWS allows), so a dead tunnel is noticed quickly... */
  dpdTimeoutSeconds: 30,
  /** ...and AWS restarts IKE rather than clearing the session and waiting for the customer side. */
  dpdTimeoutAction: "restart",
  /** AWS initiates IKE, so the backup tunnels are up and BGP established before Direct Connect fails. */
  startupAction: "start",
} as const;

/** Tunnel settings in the shape of `aws.ec2.VpnConnectionArgs`, the same for tunnel 1 and tunnel 2. */
export interface HardenedTunnelArgs {
  tunnel1IkeVersions: string[];
  tunnel1Phase1EncryptionAlgorithms: string[];
  tunnel1Phase1IntegrityAlgorithms: string[];
  tunnel1Phase1DhGroupNumbers: number[];
  tunnel1Phase2EncryptionAlgorithms: string[];
  tunnel1Phase2IntegrityAlgorithms: string[];
  tunnel1Phase2DhGroupNumbers: number[];
  tunnel1DpdTimeoutSeconds: number;
  tunnel1DpdTimeoutAction: string;
  tunnel1StartupAction: string;
  tunnel1LogOptions?: TunnelLogOptions;
  tunnel2IkeVersions: string[];
  tunnel2Phase1EncryptionAlgorithms: string[];
  tunnel2Phase1IntegrityAlgorithms: string[];
  tunnel2Phase1DhGroupNumbers: number[];
  tunnel2Phase2EncryptionAlgorithms: string[];
  tunnel2Phase2IntegrityAlgorithms: string[];
  tunnel2Phase2DhGroupNumbers: number[];
  tunnel2DpdTimeoutSeconds: number;
  tunnel2DpdTimeoutAction: string;
  tunnel2StartupAction: string;
  tunnel2LogOptions?: TunnelLogOptions;
}

/** Tunnel activity and BGP logs to one CloudWatch Logs group, JSON formatted. */
export interface TunnelLogOptions {
  cloudwatchLogOptions: {
    logEnabled: boolean;
    logGroupArn: pulumi.Input<string>;
    logOutputFormat: string;
    bgpLogEnabled: boolean;
    bgpLogGroupArn: pulumi.Input<string>;
    bgpLogOutputFormat: string;
  };
}

/**
 * Both tunnels' arguments from `HARDENED_TUNNEL_POLICY`; with `logGroupArn`, tunnel and BGP logging
 * to that group too (so a flapping backup path can be diagnosed after the fact).
 */
export function hardenedTunnelArgs(logGroupArn?: pulumi.Input<string>): HardenedTunnelArgs {
  const p = HARDENED_TUNNEL_POLICY;
  const logOptions: TunnelLogOptions | undefined =
    logGroupArn === undefined
      ? undefined
      : {
          cloudwatchLogOptions: {
            logEnabled: true,
            logGroupArn,
            logOutputFormat: "json",
            bgpLogEnabled: true,
            bgpLogGroupArn: logGroupArn,
            bgpLogOutputFormat: "json",
          },
        };
  return {
    tunnel1IkeVersions: [...p.ikeVersions],
    tunnel1Phase1EncryptionAlgorithms: [...p.phase1EncryptionAlgorithms],
    tunnel1Phase1IntegrityAlgorithms: [...p.phase1IntegrityAlgorithms],
    tunnel1Phase1DhGroupNumbers: [...p.phase1DhGroupNumbers],
    tunnel1Phase2EncryptionAlgorithms: [...p.phase2EncryptionAlgorithms],
    tunnel1Phase2IntegrityAlgorithms: [...p.phase2IntegrityAlgorithms],
    tunnel1Phase2DhGroupNumbers: [...p.phase2DhGroupNumbers],
    tunnel1DpdTimeoutSeconds: p.dpdTimeoutSeconds,
    tunnel1DpdTimeoutAction: p.dpdTimeoutAction,
    tunnel1StartupAction: p.startupAction,
    ...(logOptions ? { tunnel1LogOptions: logOptions } : {}),
    tunnel2IkeVersions: [...p.ikeVersions],
    tunnel2Phase1EncryptionAlgorithms: [...p.phase1EncryptionAlgorithms],
    tunnel2Phase1IntegrityAlgorithms: [...p.phase1IntegrityAlgorithms],
    tunnel2Phase1DhGroupNumbers: [...p.phase1DhGroupNumbers],
    tunnel2Phase2EncryptionAlgorithms: [...p.phase2EncryptionAlgorithms],
    tunnel2Phase2IntegrityAlgorithms: [...p.phase2IntegrityAlgorithms],
    tunnel2Phase2DhGroupNumbers: [...p.phase2DhGroupNumbers],
    tunnel2DpdTimeoutSeconds: p.dpdTimeoutSeconds,
    tunnel2DpdTimeoutAction: p.dpdTimeoutAction,
    tunnel2StartupAction: p.startupAction,
    ...(logOptions ? { tunnel2LogOptions: logOptions } : {}),
  };
}
