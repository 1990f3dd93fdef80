import { Button, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useOrg } from "../shell/current-org";
import { formatDate, roleLabel } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { ArchiveMemberModal } from "./archive-member-modal";
import { MemberRoleSelect } from "./member-role-select";
import type { Member } from "./member-types";

/** Members with their roles; people with members.manage can change roles and archive. */
export function MembersTable({ members }: { members: Member[] }) {
  const { can } = useOrg();
  const manage = can("members.manage");
  const [archiving, setArchiving] = useState<Member | null>(null);

  if (members.length === 0) return <Text>No members match these filters.</Text>;

  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">E-mail</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Member since</Table.Th>
              {manage && (
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => {
              const active = member.status === "active";
              return (
                <Table.Tr key={member.id}>
                  <Table.Td>{member.name}</Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>
                    {manage && active ? <MemberRoleSelect member={member} /> : roleLabel(member.role)}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge of="recordStatus" value={active ? "active" : "archived"} />
                    {member.archiveReason && <Text size="sm">{member.archiveReason}</Text>}
                  </Table.Td>
                  <Table.Td>{formatDate(member.createdAt)}</Table.Td>
                  {manage && (
                    <Table.Td>
                      {active && (
                        <Button
                          variant="default"
                          size="xs"
                          onClick={() => setArchiving(member)}
                          aria-label={`Archive ${member.name}`}
                        >
                          Archive
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ArchiveMemberModal member={archiving} onClose={() => setArchiving(null)} />
    </>
  );
}
