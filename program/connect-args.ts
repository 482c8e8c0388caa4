import type { ConnectConfig } from "./config";
import type { ConnectContactFlowSpec, ConnectHoursOfOperationSpec, ConnectQueueSpec, ConnectRoutingProfileSpec } from "../components";

/**
 * Translation of the `connect` config (written for people: "08:00", queue names) into the
 * ConnectRegion args (Connect's own shapes). Pure.
 */

/** "08:30" -> { hours: 8, minutes: 30 } (the config schema has already checked the format). */
export function clockTime(text: string): { hours: number; minutes: number } {
  const [hours, minutes] = text.split(":").map(Number);
  return { hours, minutes };
}

export function hoursOfOperationSpecs(connect: Pick<ConnectConfig, "hoursOfOperation">): ConnectHoursOfOperationSpec[] {
  return connect.hoursOfOperation.map((h) => ({
    name: h.name,
    timeZone: h.timeZone,
    ...(h.description !== undefined ? { description: h.description } : {}),
    config: h.config.map((d) => ({ day: d.day, startTime: clockTime(d.startTime), endTime: clockTime(d.endTime) })),
  }));
}

export function queueSpecs(connect: Pick<ConnectConfig, "queues">): ConnectQueueSpec[] {
  return connect.queues.map((q) => ({
    name: q.name,
    hoursOfOperationName: q.hoursOfOperation,
    ...(q.description !== undefined ? { description: q.description } : {}),
    ...(q.maxContacts !== undefined ? { maxContacts: q.maxContacts } : {}),
  }));
}

export function routingProfileSpecs(connect: Pick<ConnectConfig, "routingProfiles">): ConnectRoutingProfileSpec[] {
  return connect.routingProfiles.map((p) => ({
    name: p.name,
    description: p.description,
    defaultOutboundQueueName: p.defaultOutboundQueue,
    mediaConcurrencies: p.mediaConcurrencies.map((m) => ({ channel: m.channel, concurrency: m.concurrency })),
    queueConfigs: p.queues.map((q) => ({ queueName: q.queue, channel: q.channel, priority: q.priority, delay: q.delaySeconds })),
  }));
}

/**
 * Flow specs with the file contents read by the program; `contents` is keyed by flow name.
 * @throws Error when a flow's content is missing: the loader checks every file first, so this is a bug.
 */
export function flowSpecs(connect: Pick<ConnectConfig, "flows">, contents: Readonly<Record<string, string>>): ConnectContactFlowSpec[] {
  return connect.flows.map((f) => {
    const content = contents[f.name];
    if (content === undefined) throw new Error(`flow '${f.name}' was not read from ${f.path}`);
    return { name: f.name, type: f.type, content, ...(f.description !== undefined ? { description: f.description } : {}) };
  });
}

