import { NavLink } from "@mantine/core";
import { roleAllows } from "@openaims/contracts";
import { Link, useLocation } from "react-router";
import { useCurrentMembership } from "./current-org";
import { NavGroup } from "./nav-group";
import { API_REFERENCE_URL, managementItems, settingsItems } from "./nav-items";

/** Side navigation; entries the current role may not use are left out. */
export function NavMenu() {
  const membership = useCurrentMembership();
  const { pathname } = useLocation();
  const base = membership ? `/o/${membership.orgId}` : null;
  const can = (permission: Parameters<typeof roleAllows>[1]) =>
    membership ? roleAllows(membership.role, permission) : false;

  const link = (label: string, to: string, prefix = false) => {
    const active = pathname === to || (prefix && pathname.startsWith(`${to}/`));
    return (
      <NavLink
        key={to}
        component={Link}
        to={to}
        label={label}
        active={active}
        aria-current={active ? "page" : undefined}
      />
    );
  };

  return (
    <>
      {base && can("org.read") && link("Home", base)}
      {base && can("org.read") && link("My work", `${base}/my-work`, true)}
      {base && (
        <NavGroup label="Management system">
          {managementItems
            .filter((item) => can(item.permission))
            .map((item) => link(item.label, `${base}/${item.path}`, true))}
        </NavGroup>
      )}
      {base && (
        <NavGroup label="Settings">
          {settingsItems.filter((item) => can(item.permission)).map((item) => link(item.label, `${base}/${item.path}`))}
        </NavGroup>
      )}
      <NavGroup label="More">
        {link("Account", "/account")}
        <NavLink href={API_REFERENCE_URL} label="API reference" />
      </NavGroup>
    </>
  );
}
