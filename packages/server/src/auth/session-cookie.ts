import type { FastifyReply } from "fastify";
import { isSecure, type ServerConfig } from "../config.js";
import { SESSION_COOKIE } from "./sessions.js";

export function setSessionCookie(reply: FastifyReply, config: ServerConfig, secret: string, expiresAt: Date): void {
  void reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: "lax",
    secure: isSecure(config),
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: ServerConfig): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure: isSecure(config), path: "/" });
}
