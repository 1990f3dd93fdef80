export { MAX_TRAP_TOKENS, startTrapListener, type TrapListener } from "./trap-listener.js";
