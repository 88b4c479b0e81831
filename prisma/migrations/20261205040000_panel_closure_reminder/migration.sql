-- A panel decision to close a case reminds the coordinators to close it (issue 15, paper still matters).

-- AlterEnum
ALTER TYPE "ReminderKind" ADD VALUE 'panel_closure';
