-- Card payments Stripe confirmed were recorded but never read: the table goes with the code that wrote it.
DROP TABLE "CardPayments";
