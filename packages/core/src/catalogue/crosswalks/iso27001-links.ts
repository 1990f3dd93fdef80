import type { Iso27001Link } from "./crosswalk-types.js";

/**
 * Our own crosswalk from ISO/IEC 42001 to ISO/IEC 27001:2022 Annex A: where one piece of work or
 * evidence can serve both standards. Each link carries its reason; none is an official mapping.
 */
export const iso27001Links: readonly Iso27001Link[] = [
  {
    iso42001: "5.1",
    iso27001: "A.5.4",
    rationale: "Management requiring everyone to apply the policies is part of showing leadership commitment.",
  },
  {
    iso42001: "7.3",
    iso27001: "A.6.4",
    rationale:
      "Awareness covers what happens when rules are broken; the disciplinary process is where that is enforced.",
  },
  {
    iso42001: "7.5.3",
    iso27001: "A.5.33",
    rationale: "Controlled documented information includes records that must be protected from loss and tampering.",
  },
  {
    iso42001: "8.1",
    iso27001: "A.8.32",
    rationale: "Operational control of planned changes uses the same change management as other systems.",
  },
  {
    iso42001: "8.1",
    iso27001: "A.8.30",
    rationale: "Outsourced AI development is an outsourced process that must stay under control.",
  },
  {
    iso42001: "9.2.2",
    iso27001: "A.5.35",
    rationale: "An independent review of security is the counterpart of objective internal audits.",
  },
  {
    iso42001: "A.2.2",
    iso27001: "A.5.1",
    rationale: "Both ask for a policy approved by management, communicated and kept current.",
  },
  {
    iso42001: "A.2.3",
    iso27001: "A.5.1",
    rationale: "The AI policy has to stay consistent with the information security policy set.",
  },
  {
    iso42001: "A.2.4",
    iso27001: "A.5.1",
    rationale: "Both policies are reviewed at planned intervals and after significant changes.",
  },
  {
    iso42001: "A.3.2",
    iso27001: "A.5.2",
    rationale: "AI roles can extend the documented security roles instead of standing apart from them.",
  },
  {
    iso42001: "A.3.2",
    iso27001: "A.6.2",
    rationale: "Employment terms are one place to state the AI responsibilities people take on.",
  },
  {
    iso42001: "A.3.3",
    iso27001: "A.6.8",
    rationale: "A channel for reporting security events can also carry concerns about AI, and the reverse.",
  },
  {
    iso42001: "A.4.2",
    iso27001: "A.5.9",
    rationale: "The documented resources of an AI system form its part of the asset inventory.",
  },
  {
    iso42001: "A.4.3",
    iso27001: "A.5.9",
    rationale: "Datasets are information assets and belong in the inventory with an owner.",
  },
  {
    iso42001: "A.4.3",
    iso27001: "A.5.12",
    rationale: "Data resources need a classification to decide how they are protected.",
  },
  {
    iso42001: "A.4.4",
    iso27001: "A.8.19",
    rationale: "AI tooling is software whose installation on operational systems should be controlled.",
  },
  {
    iso42001: "A.4.5",
    iso27001: "A.5.23",
    rationale: "Computing for AI is often a cloud service, covered by the cloud security rules.",
  },
  {
    iso42001: "A.4.5",
    iso27001: "A.5.30",
    rationale: "Systems that operations depend on need their computing to stay available.",
  },
  {
    iso42001: "A.4.5",
    iso27001: "A.7.5",
    rationale: "Hosting for AI compute needs the same protection from physical and environmental threats.",
  },
  {
    iso42001: "A.4.5",
    iso27001: "A.8.21",
    rationale: "AI systems reached over network services depend on the security of those services.",
  },
  {
    iso42001: "A.4.6",
    iso27001: "A.6.1",
    rationale: "People with access to AI systems and their data may need the same screening as other staff.",
  },
  {
    iso42001: "A.5.2",
    iso27001: "A.5.8",
    rationale:
      "A project that introduces AI should trigger both an impact assessment and security work in the project.",
  },
  {
    iso42001: "A.6.1.3",
    iso27001: "A.8.25",
    rationale: "Responsible development processes extend the secure development life cycle.",
  },
  {
    iso42001: "A.6.1.3",
    iso27001: "A.8.28",
    rationale: "Code of AI systems follows the same secure coding rules as other software.",
  },
  {
    iso42001: "A.6.2.2",
    iso27001: "A.8.26",
    rationale: "Requirements for an AI system include its application security requirements.",
  },
  {
    iso42001: "A.6.2.3",
    iso27001: "A.8.27",
    rationale: "Design documentation records the security architecture principles applied.",
  },
  {
    iso42001: "A.6.2.4",
    iso27001: "A.8.29",
    rationale: "Verification of an AI system includes security testing before acceptance.",
  },
  {
    iso42001: "A.6.2.4",
    iso27001: "A.8.34",
    rationale: "Security tests of a live AI system must be planned so they do not disrupt it.",
  },
  {
    iso42001: "A.6.2.5",
    iso27001: "A.8.32",
    rationale: "Deploying an AI system or a new model version is a change under change management.",
  },
  {
    iso42001: "A.6.2.6",
    iso27001: "A.5.37",
    rationale: "Operating AI systems needs documented procedures like any other system.",
  },
  {
    iso42001: "A.6.2.6",
    iso27001: "A.8.8",
    rationale: "Operating AI includes tracking and fixing vulnerabilities in models and components.",
  },
  {
    iso42001: "A.6.2.7",
    iso27001: "A.5.37",
    rationale: "Technical documentation for operators overlaps with documented operating procedures.",
  },
  {
    iso42001: "A.6.2.8",
    iso27001: "A.5.33",
    rationale: "Event logs are records that must be kept safe from tampering and loss.",
  },
  {
    iso42001: "A.7.2",
    iso27001: "A.8.12",
    rationale: "Data gathered for training needs leakage prevention like any sensitive data.",
  },
  {
    iso42001: "A.7.2",
    iso27001: "A.7.10",
    rationale: "Datasets kept on storage media follow the same handling and disposal rules.",
  },
  {
    iso42001: "A.7.3",
    iso27001: "A.5.31",
    rationale: "The right to use acquired data is a legal and contractual requirement to identify.",
  },
  {
    iso42001: "A.8.4",
    iso27001: "A.5.24",
    rationale: "Communicating AI incidents belongs in the incident management plan.",
  },
  {
    iso42001: "A.8.4",
    iso27001: "A.5.25",
    rationale: "Deciding whether an AI event is an incident comes before communicating about it.",
  },
  {
    iso42001: "A.8.4",
    iso27001: "A.5.26",
    rationale: "Notifying affected parties is part of responding to an incident.",
  },
  {
    iso42001: "A.8.5",
    iso27001: "A.5.31",
    rationale: "Reporting duties to authorities are often legal or contractual requirements.",
  },
  {
    iso42001: "A.9.2",
    iso27001: "A.5.10",
    rationale: "Acceptable-use rules cover which AI tools people may use and with what data.",
  },
  {
    iso42001: "A.9.4",
    iso27001: "A.5.10",
    rationale: "Using a system only for its intended purpose is a rule of acceptable use.",
  },
  {
    iso42001: "A.10.2",
    iso27001: "A.5.20",
    rationale: "Supplier agreements are where responsibilities for AI are written down.",
  },
  {
    iso42001: "A.10.2",
    iso27001: "A.6.6",
    rationale: "Confidentiality agreements cover data shared with partners for AI work.",
  },
  {
    iso42001: "A.10.3",
    iso27001: "A.5.19",
    rationale: "Assessing AI suppliers extends the security rules for supplier relationships.",
  },
  {
    iso42001: "A.10.3",
    iso27001: "A.5.21",
    rationale: "Model, dataset and AI service suppliers are part of the ICT supply chain.",
  },
  {
    iso42001: "A.10.3",
    iso27001: "A.5.22",
    rationale: "A vendor changing its model is a supplier service change to monitor and review.",
  },
  {
    iso42001: "A.10.3",
    iso27001: "A.5.23",
    rationale: "Hosted AI services are cloud services and need the same security review.",
  },
  {
    iso42001: "A.10.4",
    iso27001: "A.5.14",
    rationale: "Information exchanged with customers about their AI use follows agreed transfer rules.",
  },
];
