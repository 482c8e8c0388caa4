// Loaded by mocha before any spec (see .mocharc.json).
// The SDK's notice that its 2027 releases will need Node 22 is printed once per process; the project
// pins SDK versions that support Node 20, so in test output it is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// Every SDK command the project's code sends is recorded for the call inventory (tests/program/call-inventory.spec.ts).
import { installSdkCallRecorder } from "./support/sdk-call-recorder";
installSdkCallRecorder();
