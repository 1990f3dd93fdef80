import { Button, Menu } from "@mantine/core";
import { Link } from "react-router";
import { useMe } from "../auth/me-context";
import { useSignOut } from "../auth/use-sign-out";

/** The signed-in person's menu: their account and signing out. */
export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={200}>
      <Menu.Target>
        <Button variant="default" aria-label={`Account menu for ${me.user.name}`}>
          {me.user.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          Account
        </Menu.Item>
        <Menu.Item onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
