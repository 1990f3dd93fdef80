import { type CSSVariablesResolver, createTheme, DEFAULT_THEME, type MantineColorsTuple } from "@mantine/core";

const defaultGreen = DEFAULT_THEME.colors.green;

/** Mantine's green with darker top shades, so green text and badges reach 4.5:1 contrast. */
const green: MantineColorsTuple = [
  defaultGreen[0],
  defaultGreen[1],
  defaultGreen[2],
  defaultGreen[3],
  defaultGreen[4],
  defaultGreen[5],
  defaultGreen[6],
  "#2b8a3e",
  "#237032",
  "#1c6229",
];

export const theme = createTheme({
  primaryColor: "blue",
  // Shade 8 keeps white text on filled buttons above WCAG AA contrast.
  primaryShade: { light: 8, dark: 8 },
  colors: { green },
  focusRing: "auto",
  // Badges with autoContrast switch to dark text on orange and lighter fills, which white text fails.
  luminanceThreshold: 0.2,
  defaultRadius: "sm",
  components: {
    // Badges show their whole text in sentence case: no uppercase, no ellipsis; long ones wrap.
    Badge: {
      styles: {
        root: {
          height: "auto",
          minHeight: "var(--badge-height)",
          maxWidth: "100%",
          overflow: "visible",
          textTransform: "none",
          lineHeight: 1.35,
          paddingBlock: 1,
          fontSize: "max(var(--badge-fz), 0.75rem)",
        },
        // break-word, not anywhere: a table sizing a column to its narrowest content keeps each word whole.
        label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip", overflowWrap: "break-word" },
      },
    },
    // Icon-only close buttons need a name for screen readers.
    // A modal's <header> would be a second banner landmark beside the page's own header.
    Modal: {
      defaultProps: { closeButtonProps: { "aria-label": "Close" }, attributes: { header: { role: "presentation" } } },
    },
    Notification: { defaultProps: { closeButtonProps: { "aria-label": "Close notification" } } },
    FileInput: { defaultProps: { clearButtonProps: { "aria-label": "Remove the chosen file" } } },
    // A focusable reveal button, named without "password" so the field's own label stays unique.
    PasswordInput: {
      defaultProps: {
        visibilityToggleFocusable: true,
        visibilityToggleButtonProps: { "aria-label": "Show characters" },
      },
    },
  },
});

/**
 * Text colours darkened to reach WCAG AA 4.5:1 on white and on light alert backgrounds: secondary
 * text ("dimmed"), links, error messages, and the hover background of light blue items (such
 * as the active navigation link), which is lightened instead. Yellow and orange light badges get
 * darker text than their palettes offer (Mantine's darkest shades reach only 2.7:1 and 3.6:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-6)",
    "--mantine-color-anchor": "var(--mantine-color-blue-9)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-blue-light-hover": "#c5e5ff",
    "--mantine-color-yellow-light-color": "#7c5400",
    "--mantine-color-orange-light-color": "#a33a00",
  },
  dark: {},
});
