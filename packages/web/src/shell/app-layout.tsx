import { AppShell, Burger, Group, ScrollArea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense, useEffect } from "react";
import { Outlet, useLocation } from "react-router";
import { PageLoader } from "../ui/page-loader";
import classes from "./app-layout.module.css";
import { NavMenu } from "./nav-menu";
import { NotificationsBell } from "./notifications-bell";
import { OrgSwitcher } from "./org-switcher";
import { ProductName } from "./product-name";
import { UserMenu } from "./user-menu";

/**
 * The signed-in frame: a skip link, then header (product, organisation, person), navigation and
 * the page. The navigation scrolls within itself, so it fits a short window.
 */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname) close();
  }, [pathname, close]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main-content" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <ProductName />
          </Group>
          <Group gap="md" wrap="nowrap">
            <OrgSwitcher placement="header" />
            <NotificationsBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <OrgSwitcher placement="navbar" />
        <AppShell.Section grow component={ScrollArea} type="auto">
          <NavMenu />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
