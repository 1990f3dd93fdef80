/**
 * Single sign-on that cannot take over accounts or be finished in another browser.
 *
 * - A pending sign-in is bound to the browser that started it: only the hash of a random secret
 *   kept in that browser's cookie is stored. Sign-ins pending while this migration runs (at most ten
 *   minutes old) have no binding and are dropped; those people start single sign-on again.
 * - An identity provider signs in an existing account only through a recorded link (issuer + subject,
 *   per organisation), never by e-mail address alone.
 * - An organisation claims an e-mail domain, and proves it controls the domain by a one-time token
 *   mailed to an address there. Only a verified claim admits sign-ins. Domains already listed in
 *   sso_configs.allowed_domains become unverified (pending) claims: they stay listed but admit nobody
 *   until an administrator verifies them.
 */
export default /* sql */ `
delete from sso_logins;
alter table sso_logins add column browser_binding_hash text not null;

create table sso_identities (
  id uuid primary key,
  user_id uuid not null references users (id),
  org_id uuid not null references organizations (id),
  issuer text not null,
  subject text not null,
  created_at timestamptz not null default now(),
  unique (org_id, issuer, subject)
);
create index sso_identities_user_idx on sso_identities (user_id);

-- A provider vouched for the e-mail of an existing account that has not linked it yet: the link waits
-- for that account's password, in the browser holding the secret whose hash is the key.
create table sso_pending_links (
  secret_hash text primary key,
  org_id uuid not null references organizations (id),
  user_id uuid not null references users (id),
  issuer text not null,
  subject text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create table sso_domain_claims (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  domain text not null,
  verified_at timestamptz,
  -- Set when another organisation proved control of the domain and took the claim over.
  revoked_at timestamptz,
  revoked_by_org_id uuid references organizations (id),
  verification_email text,
  verification_token_hash text unique,
  verification_sent_at timestamptz,
  verification_expires_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, domain)
);
-- One organisation at most holds a verified claim on a domain.
create unique index sso_domain_claims_one_verified on sso_domain_claims (domain)
  where verified_at is not null and revoked_at is null;

insert into sso_domain_claims (id, org_id, domain)
select gen_random_uuid(), c.org_id, d.domain
from sso_configs c cross join lateral unnest(c.allowed_domains) as d(domain)
on conflict (org_id, domain) do nothing;
`;
