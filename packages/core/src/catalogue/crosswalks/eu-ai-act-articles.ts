/** Titles of the EU AI Act (Regulation (EU) 2024/1689) articles the crosswalks cite. */
export const euAiActArticles: readonly { id: string; title: string }[] = [
  { id: "Art. 9", title: "Risk management system" },
  { id: "Art. 10", title: "Data and data governance" },
  { id: "Art. 11", title: "Technical documentation" },
  { id: "Art. 12", title: "Record-keeping" },
  { id: "Art. 13", title: "Transparency and provision of information to deployers" },
  { id: "Art. 14", title: "Human oversight" },
  { id: "Art. 15", title: "Accuracy, robustness and cybersecurity" },
  { id: "Art. 17", title: "Quality management system" },
  { id: "Art. 25", title: "Responsibilities along the AI value chain" },
  { id: "Art. 26", title: "Obligations of deployers of high-risk AI systems" },
  { id: "Art. 27", title: "Fundamental rights impact assessment for high-risk AI systems" },
  { id: "Art. 50", title: "Transparency obligations for providers and deployers of certain AI systems" },
  {
    id: "Art. 72",
    title: "Post-market monitoring by providers and post-market monitoring plan for high-risk AI systems",
  },
  { id: "Art. 73", title: "Reporting of serious incidents" },
];
