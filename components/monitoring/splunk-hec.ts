/**
 * The Splunk HTTP Event Collector endpoint as Amazon Data Firehose's Splunk destination takes it
 * (`HECEndpoint`): the base URL of the HEC, over TLS. Firehose adds the collector path for the
 * endpoint type itself, so a URL with a path would not reach the collector.
 */
export const SPLUNK_HEC_URL = /^https:\/\/[a-z0-9.-]+(:\d+)?\/?$/i;

/** What a Splunk HEC URL may be, for error messages. */
export const SPLUNK_HEC_URL_RULE = "an https:// base URL without a path, such as https://http-inputs-firehose-acme.splunkcloud.com:443 (Firehose's Splunk destination adds the collector path)";
