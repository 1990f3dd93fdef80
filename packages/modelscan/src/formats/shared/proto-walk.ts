import type protobuf from "protobufjs";
import type { ByteSource } from "../../scan/byte-source.js";
import { BufferedCursor, TruncatedError } from "./buffered-cursor.js";

/** A decoded message: only the fields its descriptor declares; repeated fields as arrays. */
export interface DecodedMessage {
  [field: string]: DecodedValue | DecodedValue[] | undefined;
}
export type DecodedValue = string | number | boolean | DecodedMessage;

/** Why a walk stopped early; the caller reports it as a finding or as a limit. */
export class ProtoWalkError extends Error {
  constructor(
    message: string,
    readonly kind: "malformed" | "limit",
  ) {
    super(message);
  }
}

export interface ProtoWalkLimits {
  /** Nesting of messages (subgraphs in attributes nest without end in a hostile file). */
  maxDepth: number;
  /** Fields decoded in all; beyond it the walk stops as a limit. */
  maxFields: number;
  /** Strings and bytes longer than this are cut to it (tensor data is never wanted). */
  maxStringBytes: number;
}

const VARINT = 0;
const FIXED64 = 1;
const DELIMITED = 2;
const FIXED32 = 5;
const scalarVarints = new Set(["int32", "int64", "uint32", "uint64", "sint32", "sint64", "bool", "enum"]);

/**
 * Decodes a protocol-buffer message from a ByteSource with the field numbers and types of a
 * protobufjs descriptor, reading through a bounded window: undeclared fields (tensor bytes,
 * weights) are skipped by their length without being read, so a model of any size is walked in
 * bounded memory. Every length is checked against its enclosing message.
 */
export async function walkProto(
  source: ByteSource,
  type: protobuf.Type,
  limits: ProtoWalkLimits,
  range: { start: number; end: number } = { start: 0, end: source.size },
): Promise<DecodedMessage> {
  const cursor = new BufferedCursor(source);
  cursor.position = range.start;
  let fields = 0;
  const decoder = new TextDecoder("utf-8");

  const varint = async (end: number): Promise<bigint> => {
    await cursor.need(Math.min(10, end - cursor.position));
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (cursor.position >= end)
        throw new ProtoWalkError(`a varint runs past its message at offset ${cursor.position}`, "malformed");
      const byte = cursor.u8();
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new ProtoWalkError(`a varint is longer than ten bytes at offset ${cursor.position}`, "malformed");
  };

  const skip = async (wireType: number, end: number): Promise<void> => {
    let length: number;
    if (wireType === VARINT) {
      await varint(end);
      return;
    }
    if (wireType === FIXED64) length = 8;
    else if (wireType === FIXED32) length = 4;
    else if (wireType === DELIMITED) length = Number(await varint(end));
    else throw new ProtoWalkError(`wire type ${wireType} at offset ${cursor.position}`, "malformed");
    if (length > end - cursor.position)
      throw new ProtoWalkError(`a field runs past its message at offset ${cursor.position}`, "malformed");
    cursor.skip(length);
  };

  const message = async (messageType: protobuf.Type, end: number, depth: number): Promise<DecodedMessage> => {
    if (depth > limits.maxDepth) throw new ProtoWalkError(`messages nest deeper than ${limits.maxDepth}`, "limit");
    const out: DecodedMessage = {};
    while (cursor.position < end) {
      const tag = Number(await varint(end));
      const number = tag >>> 3;
      const wireType = tag & 7;
      if (number === 0) throw new ProtoWalkError(`field number 0 at offset ${cursor.position}`, "malformed");
      const field = messageType.fieldsById[number];
      if (!field) {
        await skip(wireType, end);
        continue;
      }
      if (++fields > limits.maxFields) throw new ProtoWalkError(`more than ${limits.maxFields} fields`, "limit");
      field.resolve();
      let value: DecodedValue;
      if (field.resolvedType && "fieldsById" in field.resolvedType) {
        if (wireType !== DELIMITED)
          throw new ProtoWalkError(`field ${field.name} has wire type ${wireType}`, "malformed");
        const length = Number(await varint(end));
        const fieldEnd = cursor.position + length;
        if (fieldEnd > end)
          throw new ProtoWalkError(`${field.name} runs past its message at offset ${cursor.position}`, "malformed");
        value = await message(field.resolvedType as protobuf.Type, fieldEnd, depth + 1);
        cursor.position = fieldEnd;
      } else if (field.type === "string" || field.type === "bytes") {
        if (wireType !== DELIMITED)
          throw new ProtoWalkError(`field ${field.name} has wire type ${wireType}`, "malformed");
        const length = Number(await varint(end));
        if (length > end - cursor.position)
          throw new ProtoWalkError(`${field.name} runs past its message at offset ${cursor.position}`, "malformed");
        const kept = Math.min(length, limits.maxStringBytes);
        await cursor.need(kept);
        value = decoder.decode(cursor.bytes(kept));
        cursor.skip(length - kept);
      } else if (scalarVarints.has(field.type) || field.resolvedType) {
        if (wireType !== VARINT) {
          await skip(wireType, end); // packed or mistyped scalars are not needed
          continue;
        }
        const raw = await varint(end);
        value = field.type === "bool" ? raw !== 0n : Number(BigInt.asIntN(64, raw));
      } else {
        await skip(wireType, end);
        continue;
      }
      if (field.repeated) {
        const list = (out[field.name] as DecodedValue[] | undefined) ?? [];
        list.push(value);
        out[field.name] = list;
      } else out[field.name] = value;
    }
    if (cursor.position !== end) throw new ProtoWalkError("a field runs past its message", "malformed");
    return out;
  };

  try {
    return await message(type, range.end, 0);
  } catch (error) {
    if (error instanceof TruncatedError) throw new ProtoWalkError(error.message, "malformed");
    throw error;
  }
}

/** The repeated field `name` of a decoded message, as messages. */
export function messages(message: DecodedMessage | undefined, name: string): DecodedMessage[] {
  const value = message?.[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is DecodedMessage => typeof v === "object" && v !== null,
  );
}

/** The string field `name`, or "" when absent. */
export function text(message: DecodedMessage | undefined, name: string): string {
  const value = message?.[name];
  return typeof value === "string" ? value : "";
}
