"""Full-text analysis shared by the archive's index and its queries: French words reduced to their stems."""
