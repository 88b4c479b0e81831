-- A case closed because an accepted transfer opened it again in another member city (modules/transfers).
-- A reserved core code: set only by the transfer, never chosen when closing by hand.
ALTER TYPE "CaseClosureReason" ADD VALUE 'transferred';
