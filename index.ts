import { defineStack } from "./program/stack";

// The program: everything lives in program/ so that tests and the policy gate can run it under mocks.
export = defineStack();
