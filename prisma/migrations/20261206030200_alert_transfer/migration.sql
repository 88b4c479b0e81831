-- An alert to the receiving city's coordinators when another city of the hub proposes a transfer (modules/transfers).
ALTER TYPE "AlertKind" ADD VALUE 'transfer_to_decide';
