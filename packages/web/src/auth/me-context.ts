import { createContext, useContext } from "react";
import type { Me } from "./session";

export const MeContext = createContext<Me | null>(null);

/** The signed-in person; only usable below `RequireSession`. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe() used outside RequireSession");
  return me;
}
