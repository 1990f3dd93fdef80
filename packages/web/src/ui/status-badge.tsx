import { Badge, type BadgeProps } from "@mantine/core";
import { type EnumValue, type LabelledEnum, labelOf } from "@openaims/contracts";
import type { ReactNode } from "react";
import { type Tone, toneColors, toneOf } from "./status-tones";

type Look = Pick<BadgeProps, "size" | "variant" | "ml" | "mr">;

type EnumProps<E extends LabelledEnum> = Look & {
  /** The enum the value belongs to; the badge shows its label from the shared label map. */
  of: E;
  value: EnumValue<E>;
  /** Overrides the tone the value normally has. */
  tone?: Tone;
  children?: undefined;
};

type TextProps = Look & { of?: undefined; tone: Tone; children: ReactNode };

/**
 * A status in words and colour. The whole label always shows (it wraps rather than being cut to
 * "NOT APPLI…"), and a value has the same colour on every page because colour follows its tone.
 */
export function StatusBadge<E extends LabelledEnum>(props: EnumProps<E> | TextProps) {
  const { size, variant = "light", ml, mr } = props;
  const tone = "value" in props ? (props.tone ?? toneOf(props.of, props.value)) : props.tone;
  const text = "value" in props ? labelOf(props.of, props.value) : props.children;
  return (
    <Badge size={size} variant={variant} ml={ml} mr={mr} color={toneColors[tone]}>
      {text}
    </Badge>
  );
}
